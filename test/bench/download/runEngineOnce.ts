// One download with our engine in its own process, so the benchmark measures its wall time and peak memory
// the same way as AzCopy's. The SAS URL comes in the environment (BENCH_SAS_URL), never on the command line.
// usage: node runEngineOnce.ts <destination>
import { downloadPageBlobToFile } from '../../../src/azure/storage/downloadPageBlobToFile.ts';

const sasUrl = process.env.BENCH_SAS_URL;
const destination = process.argv[2];
if (!sasUrl || !destination) {
  console.error('usage: BENCH_SAS_URL=... node runEngineOnce.ts <destination>');
  process.exit(2);
}
const result = await downloadPageBlobToFile({ sasUrl, destinationPath: destination, overwrite: true });
console.log(JSON.stringify({ ...result, maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
