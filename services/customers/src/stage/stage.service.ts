import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Stage, StageNode } from './stage.entity';

@Injectable()
export class StageService {
  constructor(
    @InjectRepository(Stage) private readonly stages: Repository<Stage>,
    @InjectRepository(StageNode) private readonly nodes: Repository<StageNode>,
  ) {}

  /** The whole pipeline in order, each stage with its nodes in order. */
  listWithNodes(): Promise<Stage[]> {
    return this.stages.find({ relations: { nodes: true }, order: { order: 'ASC', nodes: { order: 'ASC' } } });
  }

  findStagesByCodes(codes: readonly string[]): Promise<Stage[]> {
    return this.stages.find({ where: { code: In([...codes]) } });
  }

  findNodesByCodes(codes: readonly string[]): Promise<StageNode[]> {
    return this.nodes.find({ where: { code: In([...codes]) } });
  }
}
