#include "app.hpp"

int main(int argc, char** argv) { return sessiontool::cli::run(argc, argv); }
