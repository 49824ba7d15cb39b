import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A drawing attached to a requirement ticket; the bytes live in the drawing storage by SHA-256. */
@ObjectType({ description: 'A drawing of a requirement ticket / 工单图纸' })
@Entity('ticket_drawing')
@Index(['ticketId', 'uploadedAt'])
export class TicketDrawing {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) ticketId: string;
  @Field() @Column('varchar', { length: 255 }) fileName: string;
  @Field() @Column('varchar', { length: 64 }) mimeType: string;
  @Field(() => Int) @Column('int') sizeBytes: number;
  @Field({ description: 'SHA-256 of the content, hex' }) @Column('varchar', { length: 64 }) sha256: string;
  @Field(() => ID) @Column('varchar', { length: 36 }) uploadedBy: string;
  @Field() @Column('datetime', { precision: 3 }) uploadedAt: Date;
}

@InputType({ description: 'A drawing file: PDF, PNG, JPEG, DWG or DXF, at most 20 MB / 图纸文件' })
export class AttachDrawingInput {
  @Field() fileName: string;
  @Field({ description: 'application/pdf, image/png, image/jpeg, image/vnd.dwg or image/vnd.dxf' }) mimeType: string;
  @Field({ description: 'File content, Base64' }) contentBase64: string;
}

@ObjectType({ description: 'A drawing file to download (Base64) / 图纸下载' })
export class DrawingFile {
  @Field() fileName: string;
  @Field() mimeType: string;
  @Field({ description: 'Base64' }) contentBase64: string;
}
