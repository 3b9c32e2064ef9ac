; expect: 3: unknown directive 'include'
; Only macro, dispatch and org are directives.
include other.uc
