/** The feature list: every feature Threadline runs, in toolbar order. Registering a feature is one line here. */
import type { Feature } from '../ui/feature';
import appearance from './appearance/feature';
import corrections from './corrections/feature';
import feed from './feed/feature';
import filters from './filters/feature';
import follow from './follow/feature';
import glossary from './glossary/feature';
import keyboard from './keyboard/feature';
import latest from './latest/feature';
import newComments from './new-comments/feature';
import postListBadges from './post-list-badges/feature';
import reading from './reading/feature';
import viewState from './view-state/feature';

// biome-ignore format: one feature a line, so registering one is one line
export const FEATURES: readonly Feature[] = [
  feed,
  reading,
  latest,
  newComments,
  filters,
  glossary,
  keyboard,
  viewState,
  corrections,
  postListBadges,
  follow,
  appearance,
];
