// The doctest main for sq_engine_tests (engine, ui and app tests).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
