import { contextBridge, ipcRenderer } from 'electron';
import { OP_NAMES, ipcChannel } from '../contract/operations';

// The renderer gets one object with one function per contract operation — never ipcRenderer itself.
const api = Object.fromEntries(
  OP_NAMES.map((name) => [name, (input: unknown, session: string | undefined) => ipcRenderer.invoke(ipcChannel(name), input, session)]),
);

contextBridge.exposeInMainWorld('civreg', api);
