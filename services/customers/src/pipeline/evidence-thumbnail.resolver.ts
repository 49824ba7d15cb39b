import { DynamicModule, Inject, Module } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow, HQ_ROLES } from '@lianxiao/platform';
import { Evidence } from './pipeline.entities';
import { ThumbnailingFileStorage } from './evidence-thumbnails';

const THUMBNAILS = Symbol('THUMBNAILS');

@Resolver(() => Evidence)
export class EvidenceThumbnailResolver {
  constructor(@Inject(THUMBNAILS) private readonly storage: ThumbnailingFileStorage) {}

  @ResolveField(() => String, { nullable: true, description: 'JPEG thumbnail (≤ 320 px) as a data: URL for images; null for PDFs / 缩略图' })
  @Allow(...HQ_ROLES)
  async thumbnailDataUrl(@Parent() evidence: Evidence): Promise<string | null> {
    if (!evidence.mimeType.startsWith('image/')) return null;
    const thumb = await this.storage.thumbnail(evidence.sha256);
    return thumb ? `data:image/jpeg;base64,${thumb.toString('base64')}` : null;
  }
}

/** Evidence thumbnails (made at upload by ThumbnailingFileStorage) for the portal's gallery. */
@Module({})
export class EvidenceThumbnailModule {
  static forRoot(storage: ThumbnailingFileStorage): DynamicModule {
    return { module: EvidenceThumbnailModule, providers: [{ provide: THUMBNAILS, useValue: storage }, EvidenceThumbnailResolver] };
  }
}
