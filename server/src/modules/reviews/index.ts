/** Expert reviews (专家评审) of programme calls: rounds on a drawn panel, declarations, scores, results. */
import type { JinkeModule } from '../../platform/module.ts';
import { reviewsErrors } from './reviews.errors.ts';
import { reviewRoutes } from './reviews.routes.ts';

export const reviewsModule: JinkeModule = {
  name: 'reviews',
  errors: reviewsErrors,
  routes(app, deps) {
    reviewRoutes(app, deps);
  },
};

export { reviewFacts } from './review-facts.ts';
export { seedReviewsDemo } from './reviews.seed.ts';
