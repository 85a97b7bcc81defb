const { task, src, dest } = require('gulp');

// Node and credential refer to `file:../../icons/…` and `file:../icons/…`: both resolve to
// dist/icons once built, exactly as they resolve to icons/ in the source tree.
task('build:icons', () => src('icons/*.{png,svg}', { encoding: false }).pipe(dest('dist/icons')));
