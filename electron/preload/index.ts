import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildStudioApi } from '../common/ipc/api';

const api = {
  ...buildStudioApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
  /** the absolute path of a dropped file, so its bytes are read by main and never pass through the renderer */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
};

export type StudioApi = typeof api;

contextBridge.exposeInMainWorld('studio', api);
