// The page blobs behind disks and snapshots, in Azurite. Like Azure, each disk's export is a blob named 'abcd'
// in its own container; a grant is a read-only SAS signed with a stored access policy (one per grant), so a
// revoke deletes the policy and the SAS handed out before really stops working (403).
// Blobs are written on first use (grant or copy), so a 10,000-resource benchmark fixture costs nothing.
import { createHash, randomUUID } from 'node:crypto';
import {
  BlobServiceClient,
  BlobSASPermissions,
  StorageSharedKeyCredential,
  generateBlobSASQueryParameters,
  type ContainerClient,
} from '@azure/storage-blob';
import type { ArmResource } from '../state/model.ts';
import { GiB, MiB, fixedVhdFooter, rangeBytes, writtenRanges } from './fixedVhd.ts';

export const DISK_BLOB_NAME = 'abcd';
export const VM_GUEST_STATE_BLOB_NAME = 'vmgs';
/** Confidential VM disks also keep VM metadata, handed out as securityMetadataAccessSAS. */
export const VM_METADATA_BLOB_NAME = 'vmmd';
const VM_METADATA_BYTES = 512 * 1024;
const VM_GUEST_STATE_BYTES = 4 * MiB;
/** Azure's limit for one Put Page call. */
const MAX_PUT_PAGE = 4 * MiB;
/** Azure allows at most five stored access policies per container. */
const MAX_POLICIES = 5;

export interface AzuriteAccount {
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
}

interface StoredPolicy {
  id: string;
  startsOn: Date;
  expiresOn: Date;
}

export interface GrantedSas {
  policyId: string;
  accessSAS: string;
  securityDataAccessSAS?: string;
  securityMetadataAccessSAS?: string;
  expiresOn: Date;
}

export class DiskBlobStore {
  readonly account: AzuriteAccount;
  private readonly service: BlobServiceClient;
  private readonly credential: StorageSharedKeyCredential;
  private readonly ready = new Map<string, Promise<void>>();
  /** Stored access policies per container (setAccessPolicy replaces the whole list, so we keep it). */
  private readonly policies = new Map<string, StoredPolicy[]>();
  /** Base of SAS URLs for disks secured with Entra ID (the proxy that checks their bearer token), when running. */
  entraDiskEndpoint?: string;

  constructor(account: AzuriteAccount) {
    this.account = account;
    this.credential = new StorageSharedKeyCredential(account.accountName, account.accountKey);
    this.service = new BlobServiceClient(account.blobEndpoint, this.credential);
  }

  /** The container holding a resource's blobs: stable per resource id. */
  containerName(resourceId: string): string {
    return 'md-' + createHash('sha256').update(resourceId.toLowerCase()).digest('hex').slice(0, 24);
  }

  /** Size of the VHD blob: disk bytes + the 512-byte footer. */
  static blobBytes(resource: ArmResource): number {
    return Number(resource.properties?.diskSizeGB ?? 0) * GiB + 512;
  }

  /** Creates the resource's VHD blob with synthetic content unless it exists (or `copyFrom` gives its bytes). */
  ensureBlob(resource: ArmResource, copyFrom?: ArmResource): Promise<void> {
    const key = resource.id.toLowerCase();
    let pending = this.ready.get(key);
    if (!pending) {
      pending = copyFrom ? this.copyBlob(copyFrom, resource) : this.writeSyntheticBlob(resource);
      this.ready.set(key, pending);
      pending.catch(() => this.ready.delete(key));
    }
    return pending;
  }

  private async writeSyntheticBlob(resource: ArmResource): Promise<void> {
    const container = this.service.getContainerClient(this.containerName(resource.id));
    await container.createIfNotExists();
    const diskBytes = DiskBlobStore.blobBytes(resource) - 512;
    const blob = container.getPageBlobClient(DISK_BLOB_NAME);
    await blob.create(diskBytes + 512, { metadata: { resourceid: encodeURIComponent(resource.id) } });
    for (const r of writtenRanges(diskBytes)) {
      for (let off = r.start; off < r.end; off += MAX_PUT_PAGE) {
        const end = Math.min(r.end, off + MAX_PUT_PAGE);
        await blob.uploadPages(rangeBytes(resource.name, off, end), off, end - off);
      }
    }
    await blob.uploadPages(fixedVhdFooter(diskBytes, resource.id), diskBytes, 512);
    if (resource.properties?.securityProfile?.securityType) await this.writeGuestStateBlob(container, resource);
  }

  private async writeGuestStateBlob(container: ContainerClient, resource: ArmResource): Promise<void> {
    const vmgs = container.getPageBlobClient(VM_GUEST_STATE_BLOB_NAME);
    await vmgs.create(VM_GUEST_STATE_BYTES);
    await vmgs.uploadPages(rangeBytes(`${resource.name}-vmgs`, 0, MiB), 0, MiB);
    if (isConfidential(resource)) {
      const vmmd = container.getPageBlobClient(VM_METADATA_BLOB_NAME);
      await vmmd.create(VM_METADATA_BYTES);
      await vmmd.uploadPages(rangeBytes(`${resource.name}-vmmd`, 0, 64 * 1024), 0, 64 * 1024);
    }
  }

  /** Server-side copy (Copy Blob) of source's VHD (and guest state) into target's container. */
  private async copyBlob(source: ArmResource, target: ArmResource): Promise<void> {
    await this.ensureBlob(source);
    const container = this.service.getContainerClient(this.containerName(target.id));
    await container.createIfNotExists();
    const names = [DISK_BLOB_NAME];
    if (source.properties?.securityProfile?.securityType) names.push(VM_GUEST_STATE_BLOB_NAME);
    for (const name of names) {
      const poller = await container.getPageBlobClient(name).beginCopyFromURL(this.accountSasUrl(source.id, name), { intervalInMs: 50 });
      await poller.pollUntilDone();
    }
  }

  /** Opens a read-only grant on the resource's blobs for `durationInSeconds`. */
  async grant(resource: ArmResource, durationInSeconds: number, withGuestState: boolean): Promise<GrantedSas> {
    await this.ensureBlob(resource);
    const containerName = this.containerName(resource.id);
    const container = this.service.getContainerClient(containerName);
    const policyId = randomUUID().replace(/-/g, '').slice(0, 32);
    const startsOn = new Date(Date.now() - 5 * 60_000);
    const expiresOn = new Date(Date.now() + durationInSeconds * 1000);
    const list = [...(this.policies.get(containerName) ?? []), { id: policyId, startsOn, expiresOn }];
    while (list.length > MAX_POLICIES) list.shift();
    await this.setPolicies(container, list);
    const entraOnly = String(resource.properties?.dataAccessAuthMode).toLowerCase() === 'azureactivedirectory';
    const base = entraOnly && this.entraDiskEndpoint ? `${this.entraDiskEndpoint}/${containerName}` : container.url;
    const sasFor = (blobName: string) => {
      const sas = generateBlobSASQueryParameters({ containerName, blobName, identifier: policyId }, this.credential).toString();
      return `${base}/${blobName}?${sas}`;
    };
    const hasGuestState = withGuestState && Boolean(resource.properties?.securityProfile?.securityType);
    return {
      policyId, expiresOn, accessSAS: sasFor(DISK_BLOB_NAME),
      securityDataAccessSAS: hasGuestState ? sasFor(VM_GUEST_STATE_BLOB_NAME) : undefined,
      securityMetadataAccessSAS: hasGuestState && isConfidential(resource) ? sasFor(VM_METADATA_BLOB_NAME) : undefined,
    };
  }

  /** Ends every grant on the resource (as endGetAccess does): its SAS URLs now get 403. */
  async revoke(resource: ArmResource): Promise<void> {
    if (!this.ready.has(resource.id.toLowerCase())) return; // never materialized: nothing was handed out
    await this.setPolicies(this.service.getContainerClient(this.containerName(resource.id)), []);
  }

  private async setPolicies(container: ContainerClient, list: StoredPolicy[]): Promise<void> {
    await container.setAccessPolicy(
      undefined,
      list.map((p) => ({ id: p.id, accessPolicy: { permissions: 'r', startsOn: p.startsOn, expiresOn: p.expiresOn } })),
    );
    this.policies.set(container.containerName, list);
  }

  async delete(resource: ArmResource): Promise<void> {
    this.ready.delete(resource.id.toLowerCase());
    this.policies.delete(this.containerName(resource.id));
    await this.service.getContainerClient(this.containerName(resource.id)).deleteIfExists();
  }

  /** A read SAS signed with the account key (not revocable): for the stand-in's own copies and for tests. */
  accountSasUrl(resourceId: string, blobName = DISK_BLOB_NAME): string {
    const containerName = this.containerName(resourceId);
    const sas = generateBlobSASQueryParameters(
      { containerName, blobName, permissions: BlobSASPermissions.parse('r'), expiresOn: new Date(Date.now() + 3600_000) },
      this.credential,
    ).toString();
    return `${this.account.blobEndpoint}/${containerName}/${blobName}?${sas}`;
  }
}

function isConfidential(resource: ArmResource): boolean {
  return /^ConfidentialVM/i.test(String(resource.properties?.securityProfile?.securityType ?? ''));
}
