import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createLogger, SERVICE_CONFIG, ServiceConfig, stableId } from '@lianxiao/platform';
import { demoWorld } from '@lianxiao/demo-data';
import { Dealer, DealerContact, Territory } from '../dealer';
import { Sku, SKU_CATALOGUE } from '../catalogue';
import { DealerTarget } from '../target';
import { SellThroughReceipt } from '../sell-through/sell-through-receipt.entity';
import { StockLine, StockUpload } from '../stock';
import { demoStockHistory } from '../stock/demo-stock';

/** First embedded start: the 37 demo dealers and their territories, the SKU catalogue, the 2026 targets and 12 weeks of stock and sell-through. Idempotent. */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  private readonly logger = createLogger('dealers.seed');
  constructor(private readonly db: DataSource, @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    await this.seedDealers();
    await this.seedDealerContacts();
    await this.seedCatalogue();
    await this.seedTargets();
    await this.seedStockHistory();
  }

  /** 12 weeks of stock sheets and sell-through receipts per dealer (weeks of cover, slow movers, turnover). */
  private async seedStockHistory(): Promise<void> {
    if ((await this.db.getRepository(StockUpload).count()) > 0) return;
    const world = demoWorld();
    const { uploads, lines, receipts } = demoStockHistory(world.dealers, world.users, SKU_CATALOGUE);
    await this.db.transaction(async (tx) => {
      for (let i = 0; i < uploads.length; i += 200) await tx.getRepository(StockUpload).insert(uploads.slice(i, i + 200));
      for (let i = 0; i < lines.length; i += 200) await tx.getRepository(StockLine).insert(lines.slice(i, i + 200));
      for (let i = 0; i < receipts.length; i += 100) await tx.getRepository(SellThroughReceipt).insert(receipts.slice(i, i + 100));
    });
    this.logger.info({ uploads: uploads.length, lines: lines.length, receipts: receipts.length }, 'demo stock history and sell-through seeded');
  }

  private async seedCatalogue(): Promise<void> {
    if ((await this.db.getRepository(Sku).count()) > 0) return;
    await this.db.getRepository(Sku).insert(SKU_CATALOGUE.map((s) => ({ id: stableId('sku', s.code), ...s })));
    this.logger.info({ skus: SKU_CATALOGUE.length }, 'demo SKU catalogue seeded');
  }

  /** HQ's 2026 annual targets from the demo world (the dealers split them themselves). */
  private async seedTargets(): Promise<void> {
    if ((await this.db.getRepository(DealerTarget).count()) > 0) return;
    const dealers = demoWorld().dealers;
    await this.db.getRepository(DealerTarget).insert(
      dealers.map((d) => ({ id: stableId('dealer-target', `${d.code}-2026`), dealerId: d.id, year: 2026, annualAmount: d.annualTarget, setBy: null })),
    );
    this.logger.info({ targets: dealers.length }, 'demo 2026 dealer targets seeded');
  }

  /** Each dealer's main contact from its contactName and phone (also fills a data dir from before contacts existed). */
  private async seedDealerContacts(): Promise<void> {
    if ((await this.db.getRepository(DealerContact).count()) > 0) return;
    const dealers = await this.db.getRepository(Dealer).find();
    if (!dealers.length) return;
    await this.db.getRepository(DealerContact).insert(
      dealers.map((d) => ({ id: stableId('dealer-contact', `${d.code}-0`), dealerId: d.id, name: d.contactName, title: null, phone: d.phone, email: null, position: 0 })),
    );
    this.logger.info({ contacts: dealers.length }, 'dealer main contacts seeded');
  }

  private async seedDealers(): Promise<void> {
    if ((await this.db.getRepository(Dealer).count()) > 0) return;
    const world = demoWorld();
    await this.db.transaction(async (tx) => {
      for (const d of world.dealers) {
        await tx.getRepository(Dealer).insert({ id: d.id, code: d.code, name: d.name, tier: d.tier, region: d.region, contactName: d.contactName, phone: d.phone });
        await tx.getRepository(Territory).insert(
          d.territories.map((t, i) => ({ id: stableId('territory', `${d.code}-${i}`), dealerId: d.id, ...t })),
        );
      }
    });
    this.logger.info({ dealers: world.dealers.length }, 'demo dealers seeded');
  }
}
