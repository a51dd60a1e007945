import { deleteOperation } from '../common/deletion';

export const deleteFolder = deleteOperation('folder');
