import { Injectable, Module } from '@nestjs/common';
import { ArgsType, Args, Field, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectRepository, TypeOrmModule } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { Authenticated, Connection, ConnectionShape, PageArgs, pageWindow, toConnection } from '@lianxiao/platform';
import { Sku } from './sku.entity';

@ObjectType()
export class SkuConnection extends Connection(Sku) {}

@ArgsType()
export class SkuListArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Code or name contains' }) search?: string;
  @Field(() => String, { nullable: true, description: '五金件 / 智能设备 / 光伏支架 / 模具' }) productLine?: string;
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
}

@Module({
  imports: [TypeOrmModule.forFeature([Sku])],
  providers: [SkuService, SkuResolver],
  exports: [SkuService],
})
export class CatalogueModule {}
