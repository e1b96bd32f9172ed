import { execFile } from "node:child_process";

/**
 * The text layer of a PDF as a reader sees it (what copy, search and screen readers get): poppler's
 * `pdftotext` (Debian package poppler-utils, installed by .ci/run). Not normalised: a letter must come
 * back as the one precomposed character it was written as, since search and copy compare code points.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile("pdftotext", ["-enc", "UTF-8", "-", "-"], { encoding: "utf8", maxBuffer: 16 << 20 }, (err, stdout) => {
      if (err) {
        const missing = (err as NodeJS.ErrnoException).code === "ENOENT";
        reject(missing ? new Error("pdftotext is not installed: apt-get install poppler-utils (.ci/run does it)") : err);
      } else resolve(stdout);
    });
    child.stdin!.end(pdf);
  });
}
