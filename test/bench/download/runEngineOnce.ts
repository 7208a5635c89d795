// One download with our engine in its own process (TypeScript sources, in-process figures only): the benchmark
// runs it with verification off (BENCH_VERIFY=0) to measure what verification costs, beside the bundled CLI runs.
// The SAS URL comes in the environment (BENCH_SAS_URL), never on the command line.
// usage: node runEngineOnce.ts <destination>
import { downloadPageBlobToFile } from '../../../src/azure/storage/downloadPageBlobToFile.ts';

const sasUrl = process.env.BENCH_SAS_URL;
const destination = process.argv[2];
if (!sasUrl || !destination) {
  console.error('usage: BENCH_SAS_URL=... node runEngineOnce.ts <destination>');
  process.exit(2);
}
const result = await downloadPageBlobToFile({ sasUrl, destinationPath: destination, overwrite: true, verify: process.env.BENCH_VERIFY !== '0' });
console.log(JSON.stringify({ ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
