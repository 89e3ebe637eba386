#!/usr/bin/env node
console.error('redis-codemod: not implemented yet');
process.exitCode = 2;
