package dev.kggateway.os;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few C library calls the gateway makes, through JNA (already DJL's): process state that native code reads and
 * Java cannot set. Callers treat every call as best effort.
 */
public interface LibC extends Library {

    /** {@code which} of {@link #setpriority}: one process, or on Linux one thread (its id as {@code who}). */
    int PRIO_PROCESS = 0;

    /** setenv(3): the environment native code reads (Java's System.getenv is a snapshot it cannot change). */
    int setenv(String name, String value, int overwrite);

    /** setpriority(2). */
    int setpriority(int which, int who, int prio);

    /** {@code advice} of {@link #madvise}: expect page references in random order (no read-ahead). */
    int MADV_RANDOM = 1;

    /** madvise(2); {@code length} is a size_t, a long on the 64-bit Linux this is called on. */
    int madvise(Pointer addr, NativeLong length, int advice);

    /** The C library, loaded on first use; throws {@link UnsatisfiedLinkError} where there is none. */
    static LibC load() {
        return Native.load(Platform.C_LIBRARY_NAME, LibC.class);
    }
}
