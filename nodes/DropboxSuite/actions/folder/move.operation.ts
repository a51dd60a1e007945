import { relocationOperation } from '../common/relocation';

export const move = relocationOperation('move', 'folder');
