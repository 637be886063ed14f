/**
 * The shape of the code, checked by `server/test/architecture.test.ts` on every test run:
 * no import cycle anywhere; core/ and db/ import no module (only db/schema.ts re-exports the
 * modules' *.schema.ts, for the migrations); a module reaches another module through its
 * services and events only, never its repository or its schema file.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part out (types to core/ or contracts/).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-and-db-import-no-module',
      severity: 'error',
      comment: 'core/ and db/ are shared by every module and must not depend on one.',
      from: { path: '^server/src/(core|db)/', pathNot: '^server/src/db/schema[.]ts$' },
      to: { path: '^server/src/modules/' },
    },
    {
      name: 'db-schema-gathers-schema-files-only',
      severity: 'error',
      comment: 'db/schema.ts re-exports the modules’ tables for the migrations, and nothing else of a module.',
      from: { path: '^server/src/db/schema[.]ts$' },
      to: { path: '^server/src/modules/', pathNot: '[.]schema[.]ts$' },
    },
    {
      name: 'no-other-modules-repository',
      severity: 'error',
      comment: 'A module reaches another through its services and events, never its SQL.',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/([^/]+)/.*[.]repository[.]ts$', pathNot: '^server/src/modules/$1/' },
    },
    {
      name: 'no-other-modules-schema',
      severity: 'error',
      comment: 'A module owns its tables: another module reads them through db/schema.ts or, better, its services.',
      from: { path: '^server/src/modules/([^/]+)/' },
      to: { path: '^server/src/modules/([^/]+)/.*[.]schema[.]ts$', pathNot: '^server/src/modules/$1/' },
    },
    {
      name: 'contracts-stand-alone',
      severity: 'error',
      comment: 'contracts/ is shared by the server and the browser: it imports neither.',
      from: { path: '^contracts/src/' },
      to: { path: '^(server|web)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|[.]test[.]tsx?$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
  },
};
