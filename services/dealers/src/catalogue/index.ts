export * from './sku.entity';
export * from './catalogue';
export * from './sku-catalogue';
