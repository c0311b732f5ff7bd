#!/bin/sh
# meson test --wrapper for ASan builds: preload gnutls so that its TLS is static rather than
# dlopen()ed by glib-networking (GCC 12's LSan crashes on that dynamic TLS: "Tracer caught
# signal 11"). Only the test process gets LD_PRELOAD: never export it around xvfb-run/dbus.
LD_PRELOAD="$(gcc -print-file-name=libasan.so) libgnutls.so.30" exec "$@"
