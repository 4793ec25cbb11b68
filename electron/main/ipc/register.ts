import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../common/ipc/contract';
import type { Gateway } from './gateway';

/** Binds each contract channel to the gateway; the sender's frame is what the gateway judges. */
export function registerIpc(ipcMain: IpcMain, gateway: Gateway): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, ...args: unknown[]) =>
      gateway.invoke(
        { url: event.senderFrame?.url ?? '', isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame },
        channel,
        args,
      ),
    );
  }
}
