import { ApiProperty } from '@nestjs/swagger';
import { TransferSummaryResponse } from './transfer.response.js';

export class ApprovalFiguresResponse {
  @ApiProperty({ enum: ['TOTAL_COST', 'VARIANCE_VALUE'], description: "A purchase order's or return's total cost, or a stocktake's net variance value" })
  measure!: 'TOTAL_COST' | 'VARIANCE_VALUE';
  @ApiProperty({ example: '1250.00' }) value!: string;
  @ApiProperty({ type: String, nullable: true, example: '1000.00', description: 'The threshold the deployment sets (PO_APPROVAL_THRESHOLD, STOCKTAKE_REVIEW_THRESHOLD); null for supplier returns, which always need a manager' })
  threshold!: string | null;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the value is where the rules call for a decision; null without a threshold' })
  beyondThreshold!: boolean | null;
}

export class ApprovalItemResponse {
  @ApiProperty({ type: TransferSummaryResponse }) transfer!: TransferSummaryResponse;
  @ApiProperty({ type: ApprovalFiguresResponse }) figures!: ApprovalFiguresResponse;
}

export class ApprovalListResponse {
  @ApiProperty({ type: [ApprovalItemResponse], description: 'Oldest first: the one waiting longest comes first' }) items!: ApprovalItemResponse[];
}
