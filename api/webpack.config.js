const { composePlugins, withNx } = require('@nx/webpack');

// The api is bundled by webpack; node_modules stay external (NestJS 12 is ESM and is
// loaded through Node's require(esm)). Entities and migrations are listed explicitly in
// the code, so no file globs are needed at run time.
module.exports = composePlugins(withNx(), (config) => {
  config.output.clean = true;
  config.devtool = 'source-map';
  return config;
});
