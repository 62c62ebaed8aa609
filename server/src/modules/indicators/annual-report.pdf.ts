/**
 * Reading the annual document the way a recipient does: LibreOffice (Debian's `libreoffice-writer-nogui`) converts
 * the .docx to PDF and poppler's `pdftotext` reads the PDF's text back. Used by the tests to prove the document opens
 * outside Word and still carries every figure; CI installs both tools (.ci/run).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function has(command: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Whether both converters are installed here. */
export const pdfToolsInstalled = (): boolean => has('soffice') && has('pdftotext');

/**
 * The document's text as a PDF reader extracts it, with line breaks, spaces and the GB/T 9704 page numbers
 * ("— 2 —") taken out, so a sentence broken across lines or pages reads whole again.
 */
export function pdfTextOfDocx(docx: Buffer): { text: string; pages: number } {
  const dir = mkdtempSync(join(tmpdir(), 'jinke-pdf-'));
  try {
    const file = join(dir, 'annual.docx');
    writeFileSync(file, docx);
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const pdf = readFileSync(join(dir, 'annual.pdf'));
    const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'annual.pdf'), '-'], { encoding: 'utf8' });
    const pages = raw.split('\f').filter((p) => p.trim() !== '').length;
    const text = raw.replace(/—\s*\d+\s*—/g, '').replace(/\s+/g, '');
    if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new Error('LibreOffice did not write a PDF');
    return { text, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
