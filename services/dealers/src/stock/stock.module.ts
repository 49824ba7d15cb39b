import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StockHealthService } from './stock-health.service';
import { StockLine } from './stock-line.entity';
import { StockResolver, StockTransferFieldsResolver } from './stock.resolver';
import { StockThreshold } from './stock-threshold.entity';
import { StockTransfer } from './stock-transfer.entity';
import { StockTransferService } from './stock-transfer.service';
import { StockUpload } from './stock-upload.entity';
import { StockUploadService } from './stock-upload.service';

/** Weekly stock sheets, weeks of cover, slow movers, transfers and the network turnover view. */
@Module({
  imports: [TypeOrmModule.forFeature([StockUpload, StockLine, StockThreshold, StockTransfer])],
  providers: [StockUploadService, StockHealthService, StockTransferService, StockResolver, StockTransferFieldsResolver],
  exports: [StockHealthService],
})
export class StockModule {}
