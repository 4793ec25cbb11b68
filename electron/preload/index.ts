import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { buildStudioApi } from '../common/ipc/api';

const api = {
  ...buildStudioApi(
    (channel, ...args) => ipcRenderer.invoke(channel, ...args),
    (event, listener) => {
      // the renderer gets the payload only: the IpcRendererEvent (and its `sender`) never crosses the bridge
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(event, forward);
      return () => {
        ipcRenderer.removeListener(event, forward);
      };
    },
  ),
  /** the absolute path of a dropped file, so its bytes are read by main and never pass through the renderer */
  pathForFile: (file: File): string => webUtils.getPathForFile(file),
};

export type StudioApi = typeof api;

contextBridge.exposeInMainWorld('studio', api);
