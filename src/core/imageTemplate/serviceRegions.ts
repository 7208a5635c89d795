// Regions where the VM Image Builder service runs (source article 003, "リージョン"). A template must be created in
// one of these; its images may still be distributed anywhere (the article's note), so only `location` is checked.

export interface ServiceRegion {
  /** ARM location name as used in `location`. */
  name: string;
  /** The article's (Japanese) display name, kept so the list can be checked against the source. */
  articleName: string;
  /** Preview regions need a provider feature registered first. */
  previewFeature?: 'FairfaxPublicPreview' | 'MooncakePublicPreview';
}

export const IMAGE_BUILDER_REGIONS: readonly ServiceRegion[] = [
  { name: 'eastus', articleName: '米国東部' },
  { name: 'eastus2', articleName: '米国東部 2' },
  { name: 'westcentralus', articleName: '米国中西部' },
  { name: 'westus', articleName: '米国西部' },
  { name: 'westus2', articleName: '米国西部 2' },
  { name: 'westus3', articleName: '米国西部 3' },
  { name: 'southcentralus', articleName: '米国中南部' },
  { name: 'northeurope', articleName: '北ヨーロッパ' },
  { name: 'westeurope', articleName: '西ヨーロッパ' },
  { name: 'southeastasia', articleName: '東南アジア' },
  { name: 'australiasoutheast', articleName: 'オーストラリア南東部' },
  { name: 'australiaeast', articleName: 'オーストラリア東部' },
  { name: 'uksouth', articleName: '英国南部' },
  { name: 'ukwest', articleName: '英国西部' },
  { name: 'brazilsouth', articleName: 'ブラジル南部' },
  { name: 'canadacentral', articleName: 'カナダ中部' },
  { name: 'centralindia', articleName: 'インド中部' },
  { name: 'centralus', articleName: '米国中部' },
  { name: 'francecentral', articleName: 'フランス中部' },
  { name: 'germanywestcentral', articleName: 'ドイツ中西部' },
  { name: 'japaneast', articleName: '東日本' },
  { name: 'northcentralus', articleName: '米国中北部' },
  { name: 'norwayeast', articleName: 'ノルウェー東部' },
  { name: 'switzerlandnorth', articleName: 'スイス北部' },
  { name: 'jioindiawest', articleName: 'JIO インド西部' },
  { name: 'uaenorth', articleName: 'アラブ首長国連邦北部' },
  { name: 'eastasia', articleName: '東アジア' },
  { name: 'koreacentral', articleName: '韓国中部' },
  { name: 'southafricanorth', articleName: '南アフリカ北部' },
  { name: 'qatarcentral', articleName: 'カタール中部' },
  { name: 'usgovarizona', articleName: 'USGov アリゾナ (パブリック プレビュー)', previewFeature: 'FairfaxPublicPreview' },
  { name: 'usgovvirginia', articleName: 'USGov バージニア (パブリック プレビュー)', previewFeature: 'FairfaxPublicPreview' },
  { name: 'chinanorth3', articleName: '中国北部 3 (パブリック プレビュー)', previewFeature: 'MooncakePublicPreview' },
  { name: 'swedencentral', articleName: 'スウェーデン中部' },
  { name: 'polandcentral', articleName: 'ポーランド中部' },
  { name: 'italynorth', articleName: 'イタリア北部' },
];

/** ARM accepts display names ("West US 2") as well as names ("westus2"); compare in the normalized form. */
export function normalizeRegionName(location: string): string {
  return location.toLowerCase().replace(/[\s_-]/g, '');
}

export function findImageBuilderRegion(location: string): ServiceRegion | undefined {
  const wanted = normalizeRegionName(location);
  return IMAGE_BUILDER_REGIONS.find((r) => r.name === wanted);
}
