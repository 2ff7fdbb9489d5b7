import { AppError } from '../../src-main/contract';

/** A picked file's bytes as base64, the way the contract carries files; `what` names it in the error. */
export function readBase64(file: File, what: string, field?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new AppError('VALIDATION', `无法读取${what}“${file.name}”`, field ? { [field]: '无法读取' } : {}));
    reader.readAsDataURL(file);
  });
}
