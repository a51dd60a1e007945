import { deleteOperation } from '../common/deletion';

export const deleteFile = deleteOperation('file');
