import path from 'node:path';

export const WORKSPACE_ROOT = path.resolve(__dirname, '../../..');
export const API_MAIN = path.join(WORKSPACE_ROOT, 'dist/api/main.js');
export const TEMPLATE_DB = 'sportello_template';
