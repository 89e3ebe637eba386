// The floor for the codemod benchmark: a process that walks a folder and reads every file, doing nothing
// else. Prints the number of files and bytes read.
import fs from 'node:fs';
import path from 'node:path';

let files = 0;
let bytes = 0;
const walk = (dir) => {
  for (const dirent of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, dirent.name);
    if (dirent.isDirectory()) walk(full);
    else if (dirent.isFile()) {
      bytes += fs.readFileSync(full).length;
      files++;
    }
  }
};
walk(process.argv[2]);
console.log(JSON.stringify({ files, bytes }));
