const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('node:path');

// The api is bundled by webpack; node_modules stay external (NestJS 12 is ESM and is
// loaded through Node's require(esm)). Entities and migrations are listed explicitly in
// the code, so no file globs are needed at run time. `nx build api` is inferred from this
// file by @nx/webpack/plugin.
module.exports = {
  output: { path: join(__dirname, '../dist/api'), clean: true },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      outputHashing: 'none',
      optimization: false,
      sourceMap: true,
      generatePackageJson: false,
    }),
  ],
};
