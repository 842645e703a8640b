// Copyright (c) 2026 The brief-search Authors. MIT licence.
// The shared doctest main of every test program.

#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
