-- City S&T awards (泉州市科学技术奖) recorded before the contract named them: award `city_sti_award`, whose grades
-- are the 科技进步奖 prizes (first/second/third) plus 重大贡献奖, 创业奖 and 企业技术创新奖.
UPDATE honours
SET award = 'city_sti_award',
    grade = CASE grade
      WHEN 'progress_first' THEN 'first'
      WHEN 'progress_second' THEN 'second'
      WHEN 'progress_third' THEN 'third'
      WHEN 'government_enterprise_innovation' THEN 'enterprise_innovation'
      ELSE grade
    END
WHERE award = 'quanzhou_st_award';
