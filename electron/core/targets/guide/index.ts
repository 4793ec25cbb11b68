export { targetGuide } from './aws-commands';
export { certificatePlacement, partitionOf } from './placement';
export { shellQuote, shellLine, shellLines } from './shell-quote';
