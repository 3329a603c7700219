import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { apiFor, DemoError, type DemoStage } from '../context.js';

/** The file re-uploaded to show that importing the same content twice is a no-op. */
const REUPLOAD_KIND = 'recruiters';

/** Re-upload one file: the API must answer 200 with duplicate: true and the original import. */
export const idempotencyStage: DemoStage = {
  name: 'idempotency',
  title: 'Re-upload a file to show idempotent imports',
  async run(ctx) {
    const file = ctx.files?.find((f) => f.kind === REUPLOAD_KIND && f.format === 'csv');
    const original = ctx.summary.imports.find((i) => i.file === file?.file);
    if (!file || !original) throw new DemoError(`no ${REUPLOAD_KIND} import to re-upload (the import stage must run first)`);
    const client = apiFor(ctx, 'company', 'admin');
    const content = await readFile(join(ctx.paths.root, file.file));
    const { status, body } = await client.uploadImport(file.kind, basename(file.file), content, file.contentType);
    if (body.duplicate !== true) {
      throw new DemoError(`re-uploading ${file.file} was not recognised as a duplicate (HTTP ${status}, import ${body.id}, duplicate: ${String(body.duplicate)})`);
    }
    original.duplicateReupload = true;
    const same = body.id === original.importId;
    ctx.summary.checks.push({ name: 'idempotent re-upload', ok: same, detail: `HTTP ${status}, duplicate: true, import ${body.id}${same ? ' (the original)' : ` (original was ${original.importId})`}` });
    ctx.console.info(`${file.file}: HTTP ${status}, duplicate: true, same import ${body.id}; nothing was imported twice`);
  },
};
