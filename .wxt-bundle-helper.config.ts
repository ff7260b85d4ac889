// TEMPORARY (bundle-size helper): private build output so concurrent helpers' builds do not collide. Deleted when done.
import base from './wxt.config';
export default { ...base, outDir: '/tmp/ipb-out', analysis: { outputFile: '/tmp/ipb-stats.json', template: 'raw-data', keepArtifacts: false } };
