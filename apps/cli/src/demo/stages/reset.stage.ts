import type { DemoStage } from '../context.js';
import { createDemoOrganizations, deleteDemoOrganizations } from '../organizations.js';

/**
 * Delete the previous run's demo organisations (everything they own cascades),
 * create them afresh and issue one API key per role, so that every run starts
 * from the same state.
 */
export const resetStage: DemoStage = {
  name: 'reset',
  title: 'Reset the demo organisations and issue API keys',
  async run(ctx) {
    const result = await ctx.db.transaction(async (em) => {
      const deleted = await deleteDemoOrganizations(em);
      return { deleted, ...(await createDemoOrganizations(em)) };
    });
    ctx.organizations = new Map(result.organizations.map((o) => [o.key, o]));
    ctx.summary.apiKeys = result.keys;
    ctx.summary.counts.organizations = result.organizations.length;
    if (result.deleted > 0) ctx.console.info(`removed ${result.deleted} organisation(s) left by an earlier demo run`);
    for (const o of result.organizations) {
      const roles = result.keys.filter((k) => k.organizationId === o.id).map((k) => k.role);
      ctx.console.info(`${o.name} (${o.kind}, ${o.jurisdiction}): keys for ${roles.join(', ')}`);
    }
  },
};
