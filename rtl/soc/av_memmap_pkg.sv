// Accent-V memory map as a SystemVerilog package: wraps the header that
// tools/gen/memmap.py generates from rtl/soc/memmap.def (the one source of
// truth), so modules can use the constants in parameter defaults through
// av_memmap_pkg::NAME. (Yosys 0.23 accepts package-scoped names but not
// `import` in a module, hence the scoped form everywhere.)
package av_memmap_pkg;
`include "memmap.vh"
endpackage
