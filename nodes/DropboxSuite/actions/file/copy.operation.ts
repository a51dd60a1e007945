import { relocationOperation } from '../common/relocation';

export const copy = relocationOperation('copy', 'file');
