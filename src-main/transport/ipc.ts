import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { AppError, OP_NAMES, ipcChannel } from '../contract';
import type { CivReg } from '../core/civreg';

/**
 * One IPC handler per contract operation. Input is validated in main whatever the renderer sent;
 * errors cross the bridge as the serialized AppError body (Electron keeps only the message).
 */
export function registerIpcHandlers(app: CivReg, isTrustedSender: (event: IpcMainInvokeEvent) => boolean): void {
  for (const name of OP_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown, session: unknown) => {
      try {
        if (!isTrustedSender(event)) throw new AppError('FORBIDDEN', '请求来源不受信任');
        return await app.callAsync(name, input, typeof session === 'string' ? session : undefined);
      } catch (err) {
        const error = err instanceof AppError ? err : new AppError('INTERNAL', '内部错误');
        throw new Error(JSON.stringify(error.toBody()), { cause: err });
      }
    });
  }
}
