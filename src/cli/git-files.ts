/**
 * Which files git shows under a folder, and whether git tracks a given file: `git ls-files` decides,
 * so nested .gitignore files, global excludes, `.git/info/exclude` and worktrees behave exactly as in git.
 */
import { LITERAL_PATHSPECS, runGit } from './git';

export interface GitListing {
  /** Tracked files, and untracked files that are not ignored (paths relative to the root, `/` separated). */
  files: string[];
  /** Untracked, ignored files (only listed for a folder that is gitignored as a whole). */
  ignored: string[];
  /** Submodules and nested repositories: folders git does not look into. */
  repositories: string[];
  /** Folders git could not read (it lists nothing from them but their tracked files). */
  unreadable: string[];
}

const GITLINK_MODE = '160000';

/** `spec` is a folder relative to `root` (`.` for the root). */
export function listFolder(root: string, spec: string): GitListing | { error: string } {
  const cached = runGit(root, [LITERAL_PATHSPECS, 'ls-files', '-z', '--stage', '--', spec]);
  if (!cached.ok) return { error: cached.error };
  const others = runGit(root, [LITERAL_PATHSPECS, 'ls-files', '-z', '--others', '--exclude-standard', '--', spec]);
  if (!others.ok) return { error: others.error };
  const listing: GitListing = { files: [], ignored: [], repositories: [], unreadable: unreadableFolders(others.stderr) };
  const seen = new Set<string>();
  for (const record of cached.stdout.split('\0')) {
    // `<mode> <object> <stage>\t<path>`; a conflicted file has one record per stage.
    const tab = record.indexOf('\t');
    const file = record.slice(tab + 1);
    if (tab === -1 || seen.has(file)) continue;
    seen.add(file);
    if (record.startsWith(`${GITLINK_MODE} `)) listing.repositories.push(file);
    else listing.files.push(file);
  }
  addUntracked(others.stdout, listing.files, listing.repositories);
  if (spec !== '.' && isIgnored(root, spec)) {
    const ignored = runGit(root, [LITERAL_PATHSPECS, 'ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--', spec]);
    if (!ignored.ok) return { error: ignored.error };
    addUntracked(ignored.stdout, listing.ignored, listing.repositories);
  }
  return listing;
}

/** git warns about a folder it cannot read, and carries on. */
function unreadableFolders(stderr: string): string[] {
  const warning = /^warning: could not open directory '(.*)\/': /;
  return stderr.split('\n').flatMap((line) => warning.exec(line)?.[1] ?? []);
}

/** Untracked files; an untracked nested repository is listed as its folder with a trailing `/`. */
function addUntracked(stdout: string, files: string[], repositories: string[]): void {
  for (const file of stdout.split('\0')) {
    if (file.endsWith('/')) repositories.push(file.slice(0, -1));
    else if (file !== '') files.push(file);
  }
}

/** Whether .gitignore rules exclude `spec` (a folder named on the command line may be ignored as a whole). */
function isIgnored(root: string, spec: string): boolean {
  // check-ignore takes path names, never globs, and does not accept --literal-pathspecs.
  return runGit(root, ['check-ignore', '-q', '--', spec]).ok;
}

/**
 * Of the given files (paths relative to `root`), those git tracks or would show as untracked: the
 * others are ignored (or inside `.git`).
 */
export function filesGitShows(root: string, specs: readonly string[]): Set<string> | { error: string } {
  const result = runGit(root, [LITERAL_PATHSPECS, 'ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', ...specs]);
  if (!result.ok) return { error: result.error };
  return new Set(result.stdout.split('\0').filter((file) => file !== ''));
}
