import { Injectable, Module } from '@nestjs/common';
import { ArgsType, Args, Field, Float, InputType, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Allow, Authenticated, Connection, ConnectionShape, DomainError, newId, PageArgs, pageWindow, Role, toConnection } from '@lianxiao/platform';
import { Sku } from './sku.entity';

@ObjectType()
export class SkuConnection extends Connection(Sku) {}

@ArgsType()
export class SkuListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Code or name contains' }) search?: string;
  @Field(() => String, { nullable: true, description: '五金件 / 智能设备 / 光伏支架 / 模具' }) productLine?: string;
}

@InputType({ description: 'A catalogue product, matched by code / 产品' })
export class SaveSkuInput {
  @Field() code: string;
  @Field() name: string;
  @Field() productLine: string;
  @Field() unit: string;
  @Field(() => Float) price: number;
}

@Injectable()
export class SkuService {
  constructor(@InjectRepository(Sku) private readonly skus: Repository<Sku>) {}

  async list(args: SkuListArgs): Promise<ConnectionShape<Sku>> {
    const window = pageWindow(args, 50);
    const qb = this.skus.createQueryBuilder('s');
    if (args.productLine) qb.andWhere('s.productLine = :line', { line: args.productLine });
    if (args.search?.trim()) {
      const like = `%${args.search.trim()}%`;
      qb.andWhere(new Brackets((w) => w.where('s.code LIKE :like', { like }).orWhere('s.name LIKE :like', { like })));
    }
    const [nodes, total] = await qb.orderBy('s.code', 'ASC').skip(window.skip).take(window.take).getManyAndCount();
    return toConnection(nodes, total, window);
  }

  /** HQ adds or edits a product (by code). */
  async save(input: SaveSkuInput): Promise<Sku> {
    const code = input.code.trim().toUpperCase();
    const problems = [
      !/^[A-Z0-9-]{2,32}$/.test(code) && { field: 'code', messageZh: '产品编码须为 2–32 位大写字母、数字或 -', messageEn: 'code must be 2–32 of A-Z 0-9 -' },
      !(input.name.trim() && input.name.trim().length <= 128) && { field: 'name', messageZh: '名称须为 1–128 字', messageEn: 'name must be 1–128 characters' },
      !(input.productLine.trim() && input.productLine.trim().length <= 16) && { field: 'productLine', messageZh: '产品线须为 1–16 字', messageEn: 'productLine must be 1–16 characters' },
      !(input.unit.trim() && input.unit.trim().length <= 8) && { field: 'unit', messageZh: '单位须为 1–8 字', messageEn: 'unit must be 1–8 characters' },
      !(Number.isFinite(input.price) && input.price >= 0 && Math.abs(input.price * 100 - Math.round(input.price * 100)) < 1e-6) && { field: 'price', messageZh: '价格须为不小于 0、最多两位小数的金额', messageEn: 'price must be ≥ 0 with at most 2 decimals' },
    ].filter((p): p is { field: string; messageZh: string; messageEn: string } => Boolean(p));
    if (problems.length) throw DomainError.validation(problems);
    const values = { name: input.name.trim(), productLine: input.productLine.trim(), unit: input.unit.trim(), price: input.price };
    const existing = await this.skus.findOneBy({ code });
    if (existing) await this.skus.update({ id: existing.id }, values);
    else await this.skus.insert({ id: newId(), code, ...values });
    return this.skus.findOneByOrFail({ code });
  }

  findByCode(code: string): Promise<Sku | null> {
    return this.skus.findOneBy({ code });
  }
}

@Resolver(() => Sku)
export class SkuResolver {
  constructor(private readonly skuService: SkuService) {}

  @Query(() => SkuConnection, { description: 'Product catalogue (every signed-in user) / 产品目录' })
  @Authenticated()
  skus(@Args() args: SkuListArgs): Promise<SkuConnection> {
    return this.skuService.list(args);
  }

  @Mutation(() => Sku, { description: 'HQ adds or edits a product / 维护产品目录' })
  @Allow(Role.ADMIN, Role.DIRECTOR)
  saveSku(@Args('input') input: SaveSkuInput): Promise<Sku> {
    return this.skuService.save(input);
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([Sku])],
  providers: [SkuService, SkuResolver],
  exports: [SkuService],
})
export class CatalogueModule {}
