# SPDX-License-Identifier: GPL-3.0-or-later
# Third-party dependencies, all from Debian bookworm (SQLCipher from bookworm-backports).
find_package(PkgConfig REQUIRED)

pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium>=1.0.18)

pkg_check_modules(SQLCIPHER REQUIRED IMPORTED_TARGET sqlcipher)
# pkg-config reports the bundled SQLite version, not SQLCipher's; ask the library itself.
if(NOT DEFINED WAYPOINT_SQLCIPHER_VERSION)
  try_run(_wp_run _wp_compiled
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/sqlcipher_version.c
    LINK_LIBRARIES PkgConfig::SQLCIPHER
    COMPILE_OUTPUT_VARIABLE _wp_compile_out
    RUN_OUTPUT_VARIABLE _wp_version)
  # cipher_version reads like "4.6.1 community"
  string(REGEX MATCH "[0-9]+\\.[0-9]+(\\.[0-9]+)?" _wp_version "${_wp_version}")
  if(NOT _wp_compiled OR NOT _wp_run EQUAL 0 OR _wp_version STREQUAL "")
    set(_wp_version "0")
  endif()
  set(WAYPOINT_SQLCIPHER_VERSION "${_wp_version}" CACHE INTERNAL "SQLCipher version found")
endif()
if(WAYPOINT_SQLCIPHER_VERSION VERSION_LESS 4.5)
  message(FATAL_ERROR
    "Waypoint needs SQLCipher >= 4.5 (found '${WAYPOINT_SQLCIPHER_VERSION}', SQLite ${SQLCIPHER_VERSION}). "
    "Debian bookworm's own libsqlcipher-dev 3.4.1 has no FTS5; install libsqlcipher-dev from "
    "bookworm-backports: apt-get install -t bookworm-backports libsqlcipher-dev (scripts/install-deps does it).")
endif()
message(STATUS "SQLCipher ${WAYPOINT_SQLCIPHER_VERSION} (SQLite ${SQLCIPHER_VERSION})")

# Enrolment by scanning the server's QR code (app/client QrScanner/QrDecoder, qml/scan):
# Qt Multimedia for the camera (qt6-multimedia-dev, qml6-module-qtmultimedia) and zxing-cpp
# 1.4 to read the code (libzxing-dev ships a CMake config with the target ZXing::ZXing).
find_package(Qt6 6.4 REQUIRED COMPONENTS Multimedia)
find_package(ZXing 1.4 REQUIRED)
message(STATUS "ZXing ${ZXing_VERSION} (QR scanning)")

# QR codes drawn by the app (the recovery key) and by the server (enrolment codes).
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET GLOBAL libqrencode)
