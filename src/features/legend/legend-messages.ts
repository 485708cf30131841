import { defineMessages } from '../../domain/lang';

export const legendMessages = defineMessages(
  {
    title: 'Fields of cooperation',
    showAll: 'Show all',
    hide: 'Hide',
    hideLegend: 'Hide the legend',
    filtering: (n: number) => `Showing places that name any of ${n} selected. Others are faded.`,
    overview: (places: number) => `${places} places, coloured by the most specific field they name; one naming several fields counts in each. Select to filter.`,
    places: (n: number): string => (n === 1 ? ' place' : ' places'),
    whatItMeans: (label: string) => `What "${label}" means`,
  },
  {
    title: '合作领域',
    showAll: '显示全部',
    hide: '收起',
    hideLegend: '收起图例',
    filtering: (n: number) => `显示提及所选 ${n} 个领域中任一领域的国家和国际组织，其余淡化显示。`,
    overview: (places: number) => `共 ${places} 个国家和国际组织，按所提及的最具体的合作领域着色；提及多个领域的，在每个领域各计一次。点选可筛选。`,
    places: (): string => ' 个',
    whatItMeans: (label: string) => `“${label}”的含义`,
  },
);
