import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DepartmentTask } from '../department-task/department-task.entity';
import { DepartmentTaskResolver, TicketTasksResolver } from '../department-task/department-task.resolver';
import { DepartmentTaskService } from '../department-task/department-task.service';
import { RequirementTicketModule } from '../requirement-ticket/requirement-ticket.module';
import { ReviewComment } from './review-comment.entity';
import { FieldChangeResolver, ReviewResolver, SpecFieldValueResolver, TicketReviewFieldsResolver } from './review.resolver';
import { ReviewService } from './review.service';
import { TechnicalAgreement } from './technical-agreement.entity';
import { CustomerRecord } from '../customer-ref/customer-record.entity';

/** Department tasks, engineering review, technical agreements and legal review. */
@Module({
  imports: [TypeOrmModule.forFeature([DepartmentTask, ReviewComment, TechnicalAgreement, CustomerRecord]), RequirementTicketModule],
  providers: [
    DepartmentTaskService,
    DepartmentTaskResolver,
    TicketTasksResolver,
    ReviewService,
    ReviewResolver,
    SpecFieldValueResolver,
    FieldChangeResolver,
    TicketReviewFieldsResolver,
  ],
  exports: [ReviewService, DepartmentTaskService],
})
export class ReviewModule {}
