// sm-crypto ships no types; this declares the part of its SM2 API the emulator uses.
declare module 'sm-crypto' {
  interface Sm2 {
    /** `publicKey` is uncompressed hex (`04` + x + y), `privateKey` 64 hex digits. */
    generateKeyPairHex(): { publicKey: string; privateKey: string };
    /** `cipherMode` 1 is C1C3C2, 0 is C1C2C3; answers '' when the ciphertext fails its SM3 check. */
    doDecrypt(encrypted: string, privateKey: string, cipherMode?: 0 | 1): string;
    doEncrypt(message: string, publicKey: string, cipherMode?: 0 | 1): string;
  }
  const smCrypto: { sm2: Sm2 };
  export default smCrypto;
}
