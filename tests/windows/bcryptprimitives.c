/* TEST ONLY, never shipped: wine 8 has no bcryptprimitives.dll, whose ProcessPrng Rust's
 * standard library imports (Windows 10 and 11 have it). scripts/test-windows.sh builds this
 * shim into the folder it tests in, beside the .exe, so the programs start under wine. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom, advapi32 */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
