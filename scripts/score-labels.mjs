// Scoring one rule's reports in one file against its labels, shared by the eval scripts.

/** A rule's counts: true/false positives and negatives, labels with no verdict, and what went astray. */
export function emptyScore() {
  return { tp: 0, fp: 0, fn: 0, tn: 0, unknown: 0, unknownReported: 0, stray: [] };
}

/**
 * Adds one file to `score`. `expect(label)` is true, false or undefined (no verdict); `at(label, report)`
 * says whether a report is the label's; `describe(report)` names a report no label accounts for.
 */
export function scoreReports(score, { file, labels, reports, expect, at, describe }) {
  for (const label of labels) {
    const reported = reports.some((report) => at(label, report));
    const expected = expect(label);
    if (expected === undefined) {
      score.unknown++;
      if (reported) score.unknownReported++;
    } else if (expected && reported) score.tp++;
    else if (expected) {
      score.fn++;
      score.stray.push(`missed ${file}:${label.line}`);
    } else if (reported) {
      score.fp++;
      score.stray.push(`false alarm ${file}:${label.line}`);
    } else score.tn++;
  }
  for (const report of reports) {
    if (labels.some((label) => at(label, report))) continue;
    score.fp++;
    score.stray.push(`unlabelled report ${file}:${report.line}:${report.column}${describe(report)}`);
  }
}

const percent = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

/** Prints each rule's precision and recall under `title`, then the labels and reports that went astray. */
export function printScores(title, results) {
  console.log(`\n${title}`);
  for (const [rule, r] of Object.entries(results)) {
    console.log(
      `  ${rule.padEnd(24)} precision ${percent(r.tp, r.tp + r.fp).padStart(6)}  recall ${percent(r.tp, r.tp + r.fn).padStart(6)}` +
        `  (tp ${r.tp}, fp ${r.fp}, fn ${r.fn}, tn ${r.tn}; unknown labels ${r.unknown}, reported ${r.unknownReported})`,
    );
    for (const line of r.stray) console.log(`      ${line}`);
  }
}
